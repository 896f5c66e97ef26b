package com.nija.local.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("NodeRuntime")
class NodeRuntimeTest {

    private static final Path NODE = Path.of("/usr/bin/node");

    @Test
    @DisplayName("accepts Node 20 and newer")
    void acceptsTwentyAndNewer() {
        assertThat(NodeRuntime.checkedVersion(NODE, "v20.0.0\n")).isEqualTo("v20.0.0");
        assertThat(NodeRuntime.checkedVersion(NODE, "v22.11.0")).isEqualTo("v22.11.0");
        assertThat(NodeRuntime.checkedVersion(NODE, "v100.1.2")).isEqualTo("v100.1.2");
    }

    @Test
    @DisplayName("rejects Node 18 and says what to install")
    void rejectsOldNode() {
        assertThatThrownBy(() -> NodeRuntime.checkedVersion(NODE, "v18.19.1\n"))
                .isInstanceOf(LocalServiceException.class)
                .hasMessageContaining("v18.19.1")
                .hasMessageContaining("too old")
                .hasMessageContaining("Install Node.js 20 or newer");
    }

    @Test
    @DisplayName("rejects output that is not a Node version")
    void rejectsGarbage() {
        assertThatThrownBy(() -> NodeRuntime.checkedVersion(NODE, "command not found"))
                .isInstanceOf(LocalServiceException.class)
                .hasMessageContaining("Could not read the Node.js version");
    }

    @Test
    @DisplayName("finds the node on this machine's PATH and it is new enough")
    void findsNodeOnPath() {
        NodeRuntime node = NodeRuntime.require();

        assertThat(node.executable()).isExecutable();
        assertThat(node.version()).startsWith("v");
    }
}
