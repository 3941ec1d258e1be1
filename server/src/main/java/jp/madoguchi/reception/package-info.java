/**
 * Reception and queues (窓口受付): one ticket number per visit, queues with counters,
 * calling, routing a reception on to every department that must act on it, the call
 * display (fanned out across server instances through PostgreSQL LISTEN/NOTIFY), the
 * staff board and the reception inquiry (受付情報照会). Other modules open receptions and read
 * them through {@link jp.madoguchi.reception.Receptions} and hear about calls through
 * {@link jp.madoguchi.reception.TicketCalled}.
 */
@ApplicationModule(displayName = "Reception and queues")
@NullMarked
package jp.madoguchi.reception;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
