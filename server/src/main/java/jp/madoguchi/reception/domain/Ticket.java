package jp.madoguchi.reception.domain;

import jp.madoguchi.reception.ReceptionView;

/**
 * A reception's ticket with its place in the queue it waits in (0 when not waiting).
 */
public record Ticket(ReceptionView reception, int position, int estimatedWaitMinutes) {
}
