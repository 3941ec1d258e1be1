/**
 * Queue status for residents (待ち状況): the counter side publishes, for each queue, the
 * numbers called, the count waiting and the estimate to the public site over a signed
 * one-way push; the public site keeps only that status, in memory, and shows it on the
 * resident's phone (from the QR code on the 受付票) and on {@code /public/queues}. See
 * docs/reception.md, "Queue status on the public site".
 */
@ApplicationModule(displayName = "Queue status")
@NullMarked
package jp.madoguchi.queuestatus;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
