package com.nija.local.drill;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Fuzzes the export lines {@code drill restore} reads back: any line either reads as an item that writes back to a
 * line reading as the same item, or is refused with IllegalArgumentException — never another exception.
 */
class DynamoJsonFuzzTest {
    @FuzzTest
    void read(FuzzedDataProvider data) {
        String line = data.consumeRemainingAsString();
        Map<String, AttributeValue> item;
        try {
            item = DynamoJson.read(line);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertThat(DynamoJson.read(DynamoJson.write(item))).isEqualTo(item);
    }
}
