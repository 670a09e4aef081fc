package io.certrotator.job;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One live run per job instance. The operating system holds the lock for the process and drops it when
 * the process dies however it dies, so a lock that can be taken proves the previous owner is gone:
 * whatever execution it left STARTED may be recovered.
 */
public final class RunLock implements AutoCloseable {

    /** What the lock of a job instance keeps to one at a time. */
    public static final String INPUT_RUN = "run of this input";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static RunLock acquire(Path directory, String key) throws IOException {
        return acquire(directory, key, INPUT_RUN);
    }

    /** @param what what the lock keeps to one at a time, for the refusal: "another WHAT is in progress" */
    public static RunLock acquire(Path directory, String key, String what) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(key + ".lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            String owner = Files.readString(file, StandardCharsets.UTF_8).trim();
            channel.close();
            throw new RunLockedException("another " + what + " is in progress (" + owner + ", lock "
                    + file + "); it must finish first");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(owner().getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new RunLock(channel, lock);
    }

    static String owner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        return "pid " + ProcessHandle.current().pid() + " on " + host + " since " + Instant.now();
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }

    /** Another live process holds the instance. */
    public static class RunLockedException extends RuntimeException {
        RunLockedException(String message) {
            super(message);
        }
    }
}
