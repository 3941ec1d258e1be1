/**
 * Pre-application QR (インターネット事前申請): the payload that carries a notification from the
 * resident's phone (internet side) to the counter (My-Number-use network) through a QR
 * code, compressed and encrypted to the counter's public key (docs/design/domain.md §2).
 * The public site encodes; only the counter holds the private keys and decodes.
 */
@ApplicationModule(displayName = "Pre-application QR")
@NullMarked
package jp.madoguchi.prefiling;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
