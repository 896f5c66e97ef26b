package com.nija.functions.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.shared.export.ExportDelivery;
import com.nija.shared.export.ExportFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** The answer to an export route: the file itself, or (a large export in AWS) where to download it. */
public final class ExportAnswers {
    private ExportAnswers() {}

    public static APIGatewayV2HTTPResponse of(ExportDelivery.Delivered delivered, ExportFormat format, String fileName) {
        if (delivered instanceof ExportDelivery.Stored stored) {
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("url", stored.url().toString());
            link.put("expiresAt", stored.expiresAt().toString());
            link.put("bytes", stored.bytes());
            link.put("format", format.extension());
            return Responses.json(200, Map.of("download", link), Map.of());
        }
        return Responses.text(200, format.contentType(), ((ExportDelivery.Inline) delivered).body(),
                Map.of("Content-Disposition", "attachment; filename=\"" + fileName + "\""));
    }
}
