package com.nija.functions.signup;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import com.nija.functions.lambda.LambdaContexts;
import com.nija.shared.signup.SignUpMetadata;
import com.nija.shared.signup.TraderOnboarding;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/**
 * Cognito's post-confirmation trigger: a confirmed sign-up ({@code PostConfirmation_ConfirmSignUp}) becomes a trader —
 * profile, $10,000 paper account, the 14-day Pro trial, default risk settings and the terms the sign-up page says were
 * accepted ({@link TraderOnboarding}, idempotent, so Cognito's retry of a timed-out call changes nothing). A confirmed
 * password reset changes nothing. Returns the event unchanged, as Cognito requires; a failure is thrown, so Cognito
 * reports the sign-up as failed instead of leaving a user without a trader silently.
 */
public class PostConfirmationHandler
        extends MicronautRequestHandler<CognitoUserPoolPostConfirmationEvent, CognitoUserPoolPostConfirmationEvent> {
    @Inject TraderOnboarding onboarding;

    public PostConfirmationHandler() {}

    public PostConfirmationHandler(ApplicationContext context) {
        super(context);
    }

    /** Singletons on first use, not all at start: see {@link LambdaContexts}. */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return LambdaContexts.builder();
    }

    @Override
    public CognitoUserPoolPostConfirmationEvent execute(CognitoUserPoolPostConfirmationEvent event) {
        if (SignUpMetadata.CONFIRM_SIGN_UP.equals(event.getTriggerSource()) && event.getRequest() != null) {
            onboarding.signUp(SignUpMetadata.read(event.getRequest().getUserAttributes(),
                    event.getRequest().getClientMetadata()));
        }
        return event;
    }
}
