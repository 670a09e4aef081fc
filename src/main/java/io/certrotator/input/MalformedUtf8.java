package io.certrotator.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Finds the line of the first byte that is not UTF-8. The streaming reader only learns that decoding
 * failed somewhere in its read-ahead buffer, so on that (rare) error the file is scanned again.
 */
final class MalformedUtf8 {

    private static final int CHUNK = 64 * 1024;

    private MalformedUtf8() {
    }

    /** The 1-based line of the first malformed byte; empty when none is found or the file cannot be read. */
    static OptionalLong lineOfFirstError(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
        CharBuffer chars = CharBuffer.allocate(CHUNK);
        long line = 1;
        try (InputStream in = Files.newInputStream(file)) {
            boolean endOfInput = false;
            while (true) {
                if (!endOfInput) {
                    int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    endOfInput = read < 0;
                    bytes.position(bytes.position() + Math.max(read, 0));
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, endOfInput);
                chars.flip();
                for (int i = 0; i < chars.limit(); i++) {
                    if (chars.get(i) == '\n') {
                        line++;
                    }
                }
                chars.clear();
                if (result.isError()) {
                    return OptionalLong.of(line);
                }
                bytes.compact();
                if (endOfInput && result.isUnderflow()) {
                    return OptionalLong.empty();
                }
            }
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }
}
