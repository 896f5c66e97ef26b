package com.nija.shared.notifications;

import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/**
 * Email through Amazon SES ({@code SendEmail}, API v2) from the verified sender identity; the function's role may
 * send from that identity only.
 */
public final class SesMailTransport implements MailTransport {
    private final java.util.function.Supplier<SesV2Client> ses;

    public SesMailTransport(java.util.function.Supplier<SesV2Client> ses) {
        this.ses = ses;
    }

    @Override
    public void send(String from, String to, String subject, String text) {
        try {
            ses.get().sendEmail(b -> b.fromEmailAddress(from)
                    .destination(d -> d.toAddresses(to))
                    .content(c -> c.simple(m -> m.subject(s -> s.data(subject).charset("UTF-8"))
                            .body(body -> body.text(t -> t.data(text).charset("UTF-8"))))));
        } catch (SesV2Exception e) {
            String code = e.awsErrorDetails() == null ? "unknown" : e.awsErrorDetails().errorCode();
            throw new DeliveryFailedException("Amazon SES did not accept the message (" + code + ")");
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            throw new DeliveryFailedException("could not reach Amazon SES");
        }
    }
}
