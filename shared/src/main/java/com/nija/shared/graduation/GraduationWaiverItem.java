package com.nija.shared.graduation;

import java.time.Instant;

/** An admin's waiver of the graduation criteria for one trader ({@code sk = GRADUATION_WAIVER}); the first one stands. */
public record GraduationWaiverItem(String pk, String sk, String userId, String reason, String grantedBy,
                                   Instant grantedAt) {
    public static final String SK = "GRADUATION_WAIVER";
}
