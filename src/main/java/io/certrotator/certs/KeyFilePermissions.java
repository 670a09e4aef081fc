package io.certrotator.certs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Warns about a private key file that users other than its owner can read (through a symlink: its target). */
final class KeyFilePermissions {

    private static final Set<PosixFilePermission> OTHERS_READ =
            EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    private KeyFilePermissions() {
    }

    /** Empty when only the owner can read the file, or the file system has no POSIX permissions. */
    static Optional<String> warning(Path keyFile) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(keyFile);
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty();
        }
        if (permissions.stream().noneMatch(OTHERS_READ::contains)) {
            return Optional.empty();
        }
        return Optional.of(keyFile + ": the private key is readable by group or others (mode " + mode(permissions)
                + "); chmod 600 it");
    }

    /** The octal mode, {@code 0644} style; PosixFilePermission's constants are in the order of the mode's bits. */
    private static String mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return String.format("%04o", mode);
    }
}
