package io.certrotator.cli;

import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class PipedInputTest {

    static final String CSV = "zone_id,host,mode,cert_ids\nzone-pipe1,a.example.com,sslcert,cert-p1\n";

    @TempDir
    Path dir;

    /** A named pipe: like {@code cat rotation.csv |}, it can be read once, and then only after a writer opens it. */
    static Path fifo(Path path) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        return path;
    }

    /** Writes {@code text} into the pipe once a reader opens it. */
    static CompletableFuture<Void> writeOnce(Path fifo, String text) {
        return CompletableFuture.runAsync(() -> {
            try {
                Files.writeString(fifo, text);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aPipeADeviceAndTheNamesOfStandardInputArePiped() throws Exception {
        assertThat(PipedInput.isPiped(fifo(dir.resolve("in.fifo")))).isTrue();
        assertThat(PipedInput.isPiped(Path.of("/dev/null"))).isTrue();
        assertThat(PipedInput.isPiped(Path.of("/dev/stdin"))).isTrue();
        assertThat(PipedInput.isPiped(Path.of("/dev/fd/63"))).isTrue();
        assertThat(PipedInput.isPiped(Path.of("/proc/self/fd/0"))).isTrue();
    }

    @Test
    void aRegularFileAMissingFileAndAFolderAreNot() throws IOException {
        assertThat(PipedInput.isPiped(Files.writeString(dir.resolve("rotation.csv"), CSV))).isFalse();
        assertThat(PipedInput.isPiped(dir.resolve("missing.csv"))).isFalse();
        assertThat(PipedInput.isPiped(dir)).isFalse();
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aPipeIsKeptWholeUnderTheHomeNamedByItsContent() throws Exception {
        Path fifo = fifo(dir.resolve("in.fifo"));
        CompletableFuture<Void> writer = writeOnce(fifo, CSV);

        Path kept = PipedInput.keep(fifo, dir.resolve("home"));

        writer.get();
        assertThat(kept).hasContent(CSV)
                .isEqualTo(dir.resolve("home/inputs/" + DigestUtils.sha256Hex(CSV.getBytes(StandardCharsets.UTF_8))
                        .substring(0, 16) + ".csv"));
        try (var files = Files.list(kept.getParent())) {
            assertThat(files).containsExactly(kept);
        }
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theSameContentPipedAgainIsTheSameFile() throws Exception {
        Path fifo = fifo(dir.resolve("in.fifo"));
        CompletableFuture<Void> first = writeOnce(fifo, CSV);
        Path once = PipedInput.keep(fifo, dir.resolve("home"));
        first.get();
        CompletableFuture<Void> second = writeOnce(fifo, CSV);

        Path again = PipedInput.keep(fifo, dir.resolve("home"));

        second.get();
        assertThat(again).isEqualTo(once).hasContent(CSV);
    }
}
