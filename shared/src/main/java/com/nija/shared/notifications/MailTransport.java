package com.nija.shared.notifications;

/** Hands one plain-text email to the mail service (SES in AWS, SMTP locally). */
public interface MailTransport {
    /** @throws DeliveryFailedException when the service did not accept it */
    void send(String from, String to, String subject, String text);
}
