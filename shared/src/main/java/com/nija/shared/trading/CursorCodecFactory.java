package com.nija.shared.trading;

import com.nija.shared.config.NijaConfig;
import com.nija.shared.config.SecretResolver;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The one cursor codec every paginated listing signs its cursors with (its secret from config or Secrets Manager,
 * read on the first cursor, not when the codec is built).
 */
@Factory
public class CursorCodecFactory {
    @Singleton
    CursorCodec cursorCodec(NijaConfig config, SecretResolver secrets) {
        return new CursorCodec(secrets.secret(config.getCursorSecret(), "NIJA_CURSOR_SECRET_ARN"));
    }
}
