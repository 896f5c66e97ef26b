package com.nija.functions.leaving;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.AuditPolicy;
import com.nija.functions.http.Responses;
import com.nija.shared.leaving.AccountExport;
import com.nija.shared.export.BoundedOutputStream;
import com.nija.shared.export.ExportTooLargeException;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * {@code GET /api/v1/account/export} — everything NIJA stores about the caller as a ZIP archive
 * ({@code application/zip}): one JSON-lines file per kind (profile, settings, broker connections without their keys,
 * orders, trades, positions, roll-ups, billing, audit, …) and {@code manifest.json} with counts and what deleting the
 * account does to each kind. Audited (the HTTP layer records the call). 200; 413 an archive larger than one response carries (the S3 delivery for large
 * archives is not wired yet).
 */
public class ExportAccountHandler extends ApiHandler {
    /** Lambda answers at most 6 MB and a binary body travels base64-encoded (4 bytes per 3): 4 MB of ZIP fits. */
    public static final long MAX_INLINE_BYTES = 4_000_000;

    @Inject AccountExport export;

    public ExportAccountHandler() {}

    public ExportAccountHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        BoundedOutputStream archive = new BoundedOutputStream(MAX_INLINE_BYTES, limit -> new ExportTooLargeException(
                "the account archive is larger than " + limit + " bytes, more than one response may carry; "
                        + "export your fills by year through /api/v1/trades/export, or ask support for the archive"));
        export.write(request.userId(), archive);
        return Responses.binary(200, "application/zip", archive.toByteArray(),
                Map.of("Content-Disposition", "attachment; filename=\"nija-account.zip\""));
    }

    /** Handing a trader's data out is recorded like a change (priming, whose trader has nothing, is not). */
    @Override
    protected AuditPolicy auditPolicy() {
        return AuditPolicy.ALSO_READS;
    }
}
