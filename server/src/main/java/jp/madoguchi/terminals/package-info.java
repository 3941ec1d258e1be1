/**
 * Counter terminals (窓口端末): the terminal master, pairing a browser as a terminal and the
 * card agent each counter page calls. Other modules ask
 * {@link jp.madoguchi.terminals.Terminals} which terminal and card agent a request comes
 * with; the audit trail gets the terminal's name through its
 * {@link jp.madoguchi.audit.TerminalResolver}. See docs/terminals.md.
 */
@ApplicationModule(displayName = "Terminals")
@NullMarked
package jp.madoguchi.terminals;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
