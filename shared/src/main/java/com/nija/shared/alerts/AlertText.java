package com.nija.shared.alerts;

/**
 * An alert as people read it, in an email, a chat message or a log line: severity and title as the subject, then
 * whom, what and the first check, each on its own line.
 */
public final class AlertText {
    /** SNS refuses subjects over 100 characters, or with control characters. */
    static final int MAX_SUBJECT = 100;

    private AlertText() {}

    public static String subject(OperatorAlert alert) {
        return fit("[" + alert.severity() + "] " + alert.kind().title() + ": " + alert.subject());
    }

    /** @param origin where it was raised (stage and region) */
    public static String body(OperatorAlert alert, String origin) {
        StringBuilder sb = new StringBuilder();
        sb.append('[').append(alert.severity()).append("] ").append(alert.kind().title()).append('\n');
        sb.append("Whom: ").append(alert.subject()).append('\n');
        if (!alert.detail().isEmpty()) sb.append("What: ").append(alert.detail()).append('\n');
        sb.append("First check: ").append(alert.kind().firstCheck()).append('\n');
        sb.append("Raised: ").append(alert.at()).append(" (").append(origin).append(", ").append(alert.kind().name())
                .append(')');
        return sb.toString();
    }

    /** Printable ASCII only, at most {@value #MAX_SUBJECT} characters: what SNS accepts as a subject. */
    static String fit(String subject) {
        StringBuilder sb = new StringBuilder(Math.min(subject.length(), MAX_SUBJECT));
        for (int i = 0; i < subject.length() && sb.length() < MAX_SUBJECT; i++) {
            char c = subject.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.toString();
    }
}
