package com.nija.shared.problem;

/** Someone else changed the item since the caller read it; re-read and retry. */
public class VersionConflictException extends DomainException {
    public VersionConflictException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "version-conflict";
    }
}
