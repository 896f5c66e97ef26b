package com.nija.local.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The drill's export lines: DynamoDB JSON as {@code aws dynamodb scan} prints it, every attribute type round-tripped. */
class DynamoJsonTest {
    @Test
    @DisplayName("every attribute type survives a write and a read, numbers digit for digit")
    void roundTrip() {
        Map<String, AttributeValue> item = Map.of(
                "pk", AttributeValue.fromS("USER#t1"),
                "cash", AttributeValue.fromN("10000.50"),
                "on", AttributeValue.fromBool(true),
                "gone", AttributeValue.fromNul(true),
                "raw", AttributeValue.fromB(SdkBytes.fromUtf8String("sealed")),
                "tags", AttributeValue.fromSs(List.of("a", "b")),
                "levels", AttributeValue.fromNs(List.of("1.10", "2")),
                "blobs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x"))),
                "list", AttributeValue.fromL(List.of(AttributeValue.fromS("x"), AttributeValue.fromN("3"))),
                "map", AttributeValue.fromM(Map.of("inner", AttributeValue.fromN("0.01"))));

        String line = DynamoJson.write(item);

        assertThat(DynamoJson.read(line)).isEqualTo(item);
        assertThat(line).contains("\"cash\":{\"N\":\"10000.50\"}");
    }

    @Test
    @DisplayName("a line that is not an item in DynamoDB JSON is refused with what is wrong")
    void refusesBadLines() {
        assertThatThrownBy(() -> DynamoJson.read("{\"price\":{\"N\":\"abc\"}}")).hasMessageContaining("N must be");
        assertThatThrownBy(() -> DynamoJson.read("{\"price\":\"1\"}")).hasMessageContaining("one type key");
        assertThatThrownBy(() -> DynamoJson.read("[1]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> DynamoJson.read("{")).isInstanceOf(IllegalArgumentException.class);
    }
}
