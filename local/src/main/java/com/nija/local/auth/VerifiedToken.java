package com.nija.local.auth;

import java.util.List;
import java.util.Map;

/**
 * A token the local JWT authorizer accepted.
 *
 * @param subject the {@code sub} claim
 * @param claims  every claim as API Gateway hands it to the function in
 *                {@code requestContext.authorizer.jwt.claims}: all values strings, numbers in plain decimal
 *                ({@code "1735689600"}), arrays as {@code [a b]} (e.g. {@code cognito:groups} → {@code [admin finance]})
 * @param scopes  the token's OAuth scopes ({@code scope}, space separated, or {@code scp}); empty when none
 * @param groups  the token's {@code cognito:groups}; empty when none
 */
public record VerifiedToken(String subject, Map<String, String> claims, List<String> scopes, List<String> groups) {
    public VerifiedToken {
        claims = Map.copyOf(claims);
        scopes = List.copyOf(scopes);
        groups = List.copyOf(groups);
    }
}
