package com.nija.cdk.data;

import com.nija.cdk.config.Names;
import com.nija.cdk.functions.FunctionProfile.SecretKind;
import java.util.regex.Pattern;

/**
 * Names of the Secrets Manager secrets: {@code nija/<stage>/<kind>} ({@code nija/prod/cursor}).
 *
 * <p>Secrets Manager appends {@code -} and six random characters to a secret's name in its ARN, and reads any ARN
 * or name whose last seven characters are a hyphen and six characters as a complete ARN. A secret called
 * {@code nija/prod-cursor} is then looked up as the secret {@code nija/prod} with suffix {@code cursor} and is not
 * found (AWS: "do not end your secret name with a hyphen followed by six characters"). So the stage is a path
 * segment, and {@link #requireUnambiguous} refuses any name that ends that way, at synth time.
 */
public final class SecretNames {
    /** A hyphen followed by exactly six characters at the end: what Secrets Manager takes for the random suffix. */
    private static final Pattern LOOKS_LIKE_SUFFIX = Pattern.compile(".*-[^/]{6}");

    private SecretNames() {}

    /** {@code nija/prod/cursor}, {@code nija/dev/stripe-webhook}. */
    public static String of(Names names, SecretKind kind) {
        return requireUnambiguous("nija/" + names.stage().label() + "/" + kind.id());
    }

    /** True when Secrets Manager could mistake the end of {@code name} for its random six-character suffix. */
    public static boolean endsLikeRandomSuffix(String name) {
        return LOOKS_LIKE_SUFFIX.matcher(name).matches();
    }

    public static String requireUnambiguous(String name) {
        if (endsLikeRandomSuffix(name)) {
            throw new IllegalArgumentException("secret name '" + name + "' ends in a hyphen and six characters, "
                    + "which Secrets Manager reads as the random suffix of a complete ARN; choose another name");
        }
        return name;
    }
}
