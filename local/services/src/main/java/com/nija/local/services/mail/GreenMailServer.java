package com.nija.local.services.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.nija.local.services.LocalServiceException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/**
 * A real SMTP server (GreenMail) inside this JVM on 127.0.0.1: the local platform's stand-in for Amazon SES. Every
 * message the platform sends is kept in memory, for any recipient, until {@link #close()}; tests read them back with
 * {@link #received()}.
 */
public final class GreenMailServer implements AutoCloseable {
    public static final String HOST = "127.0.0.1";

    private final GreenMail mail;
    private final int port;

    private GreenMailServer(GreenMail mail, int port) {
        this.mail = mail;
        this.port = port;
    }

    /** @throws LocalServiceException when the port is taken */
    public static GreenMailServer start(int port) {
        GreenMail mail = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
        try {
            mail.start();
        } catch (RuntimeException e) {
            throw new LocalServiceException("GreenMail (SMTP) could not start on " + HOST + ":" + port + ": "
                    + e.getMessage(), e);
        }
        return new GreenMailServer(mail, port);
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** Every message received so far, oldest first. */
    public List<MimeMessage> received() {
        return List.of(mail.getReceivedMessages());
    }

    @Override
    public void close() {
        mail.stop();
    }
}
