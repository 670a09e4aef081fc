package io.certrotator.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Locale;
import java.util.Optional;

/** Why a file operation failed, in the system's words without Java's ("permission denied", "no space left on device"). */
final class IoReason {

    private IoReason() {
    }

    /** Empty when the exception gives no reason of its own (a bare {@link FileSystemException} names only paths). */
    static Optional<String> of(IOException e) {
        if (e instanceof AccessDeniedException) {
            return Optional.of("permission denied");
        }
        String reason = e instanceof FileSystemException fileSystem ? fileSystem.getReason() : e.getMessage();
        return Optional.ofNullable(reason).filter(text -> !text.isBlank()).map(text -> text.toLowerCase(Locale.ROOT));
    }
}
