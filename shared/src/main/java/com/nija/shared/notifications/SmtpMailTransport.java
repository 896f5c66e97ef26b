package com.nija.shared.notifications;

import jakarta.activation.DataHandler;
import jakarta.activation.MailcapCommandMap;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Email over plain SMTP (Jakarta Mail): the local platform's GreenMail, or any relay a self-hosted setup names.
 *
 * <p>The text body is written by Angus Mail's own {@code text/plain} handler, named here rather than found through the
 * classpath's {@code META-INF/mailcap} files: an old {@code javax.mail} there (swagger's JSON-schema validator brings
 * one into the tests) would otherwise name a handler built on {@code javax.activation}, which does not load.
 */
public final class SmtpMailTransport implements MailTransport {
    private static final String TEXT = "text/plain; charset=UTF-8";

    private final Session session;
    private final MailcapCommandMap handlers = new MailcapCommandMap();

    public SmtpMailTransport(String host, int port, java.time.Duration timeout) {
        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.connectiontimeout", Long.toString(timeout.toMillis()));
        p.put("mail.smtp.timeout", Long.toString(timeout.toMillis()));
        p.put("mail.smtp.writetimeout", Long.toString(timeout.toMillis()));
        this.session = Session.getInstance(p);
        handlers.addMailcap("text/plain;; x-java-content-handler=org.eclipse.angus.mail.handlers.text_plain");
    }

    @Override
    public void send(String from, String to, String subject, String text) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            DataHandler body = new DataHandler(text, TEXT);
            body.setCommandMap(handlers);
            message.setDataHandler(body);
            message.setHeader("Content-Type", TEXT);
            Transport.send(message);
        } catch (MessagingException e) {
            throw new DeliveryFailedException("the mail server did not accept the message ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
