package com.nija.shared.problem;

import java.util.List;

/** Input that breaks a rule; nothing was written. Carries every violation so a client can fix them all at once. */
public class InvalidInputException extends DomainException {
    private final List<Violation> violations;
    private final boolean wellFormed;

    /** Malformed input: unreadable JSON, a bad query parameter (HTTP 400). */
    public InvalidInputException(List<Violation> violations) {
        this(violations, false);
    }

    /**
     * @param wellFormed true when the input parsed but breaks a rule (HTTP 422), false when it is malformed (400)
     */
    public InvalidInputException(List<Violation> violations, boolean wellFormed) {
        super(violations.isEmpty() ? "invalid input" : violations.get(0).field() + ": " + violations.get(0).message());
        this.violations = List.copyOf(violations);
        this.wellFormed = wellFormed;
    }

    public boolean wellFormed() {
        return wellFormed;
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    @Override
    public String problemType() {
        return wellFormed ? "rule-violation" : "invalid-input";
    }

    /** One broken rule: which field and why. */
    public record Violation(String field, String message) {}
}
