package com.nija.shared.signup;

import com.nija.shared.brokers.LiveTradingPrerequisite;
import com.nija.shared.data.Keys;
import com.nija.shared.input.InputLimits;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.InvalidInputException.Violation;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The terms a trader has accepted against those in force. A trader whose acceptance names an older version (or who
 * has none) must accept again: the account says so, and live trading — the one step that puts their own money at
 * stake — is refused until they do. Paper trading, closing and pausing never wait on it.
 */
@Singleton
public class TermsService implements LiveTradingPrerequisite {
    private final TermsRepository terms;
    private final TermsConfig config;
    private final Clock clock;

    public TermsService(TermsRepository terms, TermsConfig config, Clock clock) {
        this.terms = terms;
        this.config = config;
        this.clock = clock;
    }

    public TermsStatus status(String userId) {
        Optional<TermsAcceptanceItem> accepted = terms.find(userId);
        return new TermsStatus(!current(accepted), config.getVersion(), config.getRiskDisclosureVersion(),
                accepted.map(TermsAcceptanceItem::termsVersion).orElse(null),
                accepted.map(TermsAcceptanceItem::riskDisclosureVersion).orElse(null),
                accepted.map(TermsAcceptanceItem::acceptedAt).orElse(null));
    }

    /**
     * Records that the trader accepts the versions in force, from {@code sourceIp}, now.
     *
     * @throws InvalidInputException 422 when a version is missing or not the one in force (the page was stale)
     */
    public TermsStatus accept(String userId, TermsRequest request, String sourceIp) {
        List<Violation> violations = new ArrayList<>();
        check(violations, "terms", request.terms(), config.getVersion());
        check(violations, "riskDisclosure", request.riskDisclosure(), config.getRiskDisclosureVersion());
        if (!violations.isEmpty()) throw new InvalidInputException(violations, true);
        terms.put(new TermsAcceptanceItem(Keys.user(userId), TermsAcceptanceItem.SK, userId, config.getVersion(),
                config.getRiskDisclosureVersion(), clock.instant(), SourceAddress.orNull(sourceIp), "api"));
        return status(userId);
    }

    @Override
    public Optional<String> missing(String userId) {
        return current(terms.find(userId)) ? Optional.empty()
                : Optional.of("your acceptance of the terms (" + config.getVersion() + ") and the risk disclosure ("
                + config.getRiskDisclosureVersion() + "): accept them with POST /api/v1/account/terms");
    }

    /** True when {@code accepted} names the versions in force. */
    boolean current(Optional<TermsAcceptanceItem> accepted) {
        return accepted.isPresent() && Objects.equals(accepted.get().termsVersion(), config.getVersion())
                && Objects.equals(accepted.get().riskDisclosureVersion(), config.getRiskDisclosureVersion());
    }

    private static void check(List<Violation> violations, String field, String sent, String inForce) {
        if (sent == null || sent.isBlank()) {
            violations.add(new Violation(field, "is required: the version you accept, " + inForce));
        } else if (!sent.equals(inForce)) {
            violations.add(new Violation(field, "must be the version in force, " + inForce + ", not "
                    + InputLimits.echo(sent) + ": read it again and accept that one"));
        }
    }
}
