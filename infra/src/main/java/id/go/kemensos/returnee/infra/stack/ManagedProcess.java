package id.go.kemensos.returnee.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A child process of the local stack, with its output in a log file, and a clean stop (SIGTERM, then kill). */
public final class ManagedProcess {

    private static final Logger log = LoggerFactory.getLogger(ManagedProcess.class);

    private final String name;
    private final Process process;
    private final Path logFile;

    private ManagedProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    public static ManagedProcess start(String name, List<String> command, Path workingDir, Path logFile) {
        return start(name, new ProcessBuilder(command), workingDir, logFile);
    }

    public static ManagedProcess start(String name, ProcessBuilder builder, Path workingDir, Path logFile) {
        List<String> command = builder.command();
        try {
            Process process = builder.directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            log.info("Started {} (pid {}), log: {}", name, process.pid(), logFile);
            return new ManagedProcess(name, process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + String.join(" ", command), e);
        }
    }

    /** Runs a command to completion; fails with its log file named when it exits non-zero. */
    public static void run(String name, List<String> command, Path workingDir, Path logFile, Duration timeout) {
        run(name, new ProcessBuilder(command), workingDir, logFile, timeout);
    }

    /** The same, for a command that needs its own environment. */
    public static void run(String name, ProcessBuilder builder, Path workingDir, Path logFile, Duration timeout) {
        ManagedProcess p = start(name, builder, workingDir, logFile);
        try {
            if (!p.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.process.destroyForcibly();
                throw new IllegalStateException(name + " did not finish within " + timeout + "; see " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + name, e);
        }
        if (p.process.exitValue() != 0) {
            throw new IllegalStateException(
                    name + " failed with exit code " + p.process.exitValue() + "; see " + logFile);
        }
    }

    public void awaitPort(int port, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!isListening(port)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before listening on " + port + "; see " + logFile);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        name + " is not listening on " + port + " after " + timeout + "; see " + logFile);
            }
            pause(Duration.ofMillis(100));
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** The exit code of a process that has exited. */
    public int exitValue() {
        return process.exitValue();
    }

    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        // A launcher script (kc.sh) forwards SIGTERM to its JVM; should it be killed instead, the JVM must not outlive
        // it.
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} did not stop within {}; killing it", name, grace);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle left : descendants) {
                if (left.isAlive()) {
                    log.warn("{}: child process {} still running; stopping it", name, left.pid());
                    left.destroy();
                    left.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            descendants.forEach(ProcessHandle::destroyForcibly);
        } catch (ExecutionException | TimeoutException e) {
            descendants.forEach(ProcessHandle::destroyForcibly);
        }
        log.info("Stopped {}", name);
    }

    /** A crash: SIGKILL, so no shutdown hook, no graceful close of anything the process holds. */
    public void kill() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        log.info("Killed {}", name);
    }

    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Polling pause for start-up loops of external processes, which offer nothing to wait on. */
    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
