package com.nija.local.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("DynaliteServer")
class DynaliteServerTest {

    private static final String CREATE_POSITIONS = """
            {"TableName":"positions",
             "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],
             "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
             "BillingMode":"PAY_PER_REQUEST"}""";

    @Test
    @DisplayName("answers a DynamoDB ListTables request at its endpoint")
    void answersListTables() throws Exception {
        int port = FreePort.find();
        try (DynaliteServer dynalite = DynaliteServer.start(port)) {
            HttpResponse<String> response = DynamoHttp.call(dynalite.endpoint(), "ListTables", "{}");

            assertThat(dynalite.endpoint()).hasToString("http://127.0.0.1:" + port);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"TableNames\":[]}");
            assertThat(dynalite.dataDirectory()).isEmpty();
        }
    }

    @Test
    @DisplayName("accepts any SigV4-shaped signature but rejects a request without one")
    void requiresSignatureShapeOnly() throws Exception {
        try (DynaliteServer dynalite = DynaliteServer.start(FreePort.find())) {
            HttpResponse<String> unsigned = DynamoHttp.callUnsigned(dynalite.endpoint(), "ListTables", "{}");

            assertThat(unsigned.statusCode()).isEqualTo(400);
            assertThat(unsigned.body()).contains("MissingAuthenticationTokenException");
        }
    }

    @Test
    @DisplayName("keeps tables in its data directory across a restart")
    void dataDirectorySurvivesRestart(@TempDir Path dataDir) throws Exception {
        long firstPid;
        try (DynaliteServer first = DynaliteServer.start(FreePort.find(), dataDir.resolve("db"))) {
            firstPid = first.pid();
            HttpResponse<String> created = DynamoHttp.call(first.endpoint(), "CreateTable", CREATE_POSITIONS);

            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            await("the new table to turn ACTIVE").atMost(Duration.ofSeconds(10))
                    .until(() -> tableStatus(first, "positions").contains("\"TableStatus\":\"ACTIVE\""));
        }
        assertThat(ProcessHandle.of(firstPid).filter(ProcessHandle::isAlive)).as("node process after close").isEmpty();

        try (DynaliteServer second = DynaliteServer.start(FreePort.find(), dataDir.resolve("db"))) {
            HttpResponse<String> listed = DynamoHttp.call(second.endpoint(), "ListTables", "{}");

            assertThat(second.dataDirectory()).contains(dataDir.resolve("db").toAbsolutePath());
            assertThat(listed.body()).isEqualTo("{\"TableNames\":[\"positions\"]}");
        }
    }

    @Test
    @DisplayName("refuses to share a data directory with a running dynalite, and says why")
    void dataDirectoryIsExclusive(@TempDir Path dataDir) {
        try (DynaliteServer first = DynaliteServer.start(FreePort.find(), dataDir)) {
            assertThatThrownBy(() -> DynaliteServer.start(FreePort.find(), dataDir))
                    .isInstanceOf(LocalServiceException.class)
                    .hasMessageContaining(dataDir.toString())
                    .hasMessageContaining("in use by another process");
            assertThat(first.isRunning()).isTrue();
        }
    }

    @Test
    @DisplayName("close stops the node process and frees the port")
    void closeStopsProcess() {
        DynaliteServer dynalite = DynaliteServer.start(FreePort.find());
        long pid = dynalite.pid();

        dynalite.close();

        assertThat(dynalite.isRunning()).isFalse();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(FreePort.isAcceptingConnections(dynalite.port())).isFalse();
    }

    private static String tableStatus(DynaliteServer dynalite, String table) throws Exception {
        return DynamoHttp.call(dynalite.endpoint(), "DescribeTable", "{\"TableName\":\"" + table + "\"}").body();
    }
}
