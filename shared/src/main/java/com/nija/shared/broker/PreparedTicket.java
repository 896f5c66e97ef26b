package com.nija.shared.broker;

/**
 * A ticket as a broker will send it (sized to the venue's steps), or why the venue would refuse it: {@code refusal}
 * is set instead when the order breaks the venue's rules (below its minimum size or notional), found before anything
 * is recorded or sent.
 */
public record PreparedTicket(OrderTicket ticket, String refusal) {

    public static PreparedTicket ready(OrderTicket ticket) {
        return new PreparedTicket(ticket, null);
    }

    public static PreparedTicket refused(OrderTicket ticket, String reason) {
        return new PreparedTicket(ticket, reason);
    }

    public boolean refused() {
        return refusal != null;
    }
}
