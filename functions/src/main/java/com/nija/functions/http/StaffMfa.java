package com.nija.functions.http;

import com.nija.shared.problem.ForbiddenException;

/**
 * Two-factor sign-in for staff routes. Cognito can require MFA for a whole pool, not for a group, so the pool makes
 * TOTP optional and the API requires it where it matters: a staff route ({@link ApiHandler#STAFF_PATH}, the admin and
 * finance groups) is refused unless the token says a second factor was used — Cognito's {@code amr} claim (OpenID
 * Connect "authentication methods references", RFC 8176) holding {@code mfa}, as Cognito reports for a sign-in that
 * passed a TOTP challenge. A staff member without TOTP set up is told to set it up; their trader routes stay open.
 */
final class StaffMfa {
    static final String CLAIM = "amr";
    static final String MFA = "mfa";
    /** The groups that staff routes serve (the route table's admin and finance access rules). */
    static final java.util.Set<String> STAFF_GROUPS = java.util.Set.of("admin", "finance");

    private StaffMfa() {}

    static void require(ApiRequest request) {
        String path = request.event().getRawPath();
        if (path == null || !path.startsWith(ApiHandler.STAFF_PATH) || !request.authorized()) return;
        // Someone outside the staff groups is refused by the route's group check (403 forbidden), not asked for MFA.
        if (request.groups().stream().noneMatch(STAFF_GROUPS::contains)) return;
        if (!request.claimValues(CLAIM).contains(MFA)) throw new MfaRequiredException();
    }

    /** 403 {@code mfa-required}: a staff route called with a token from a sign-in without a second factor. */
    static final class MfaRequiredException extends ForbiddenException {
        MfaRequiredException() {
            super("staff routes need a sign-in with two-factor authentication: set up an authenticator app (TOTP) "
                    + "on your account, sign out and sign in again with its code");
        }

        @Override
        public String problemType() {
            return "mfa-required";
        }
    }
}
