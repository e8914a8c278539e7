package org.casework.crash;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The station server as a real operating-system process started from the packaged jar: what a
 * county runs. {@link #kill()} is {@code kill -9} (no shutdown hook, no flush, no closing of the
 * database), {@link #stop()} a normal shutdown.
 */
final class ServerProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path jar;
    private final Path workDir;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private final int port;
    private final Path log;
    private Process process;

    ServerProcess(Path jar, Path workDir, Map<String, String> environment, List<String> arguments) {
        this.jar = jar;
        this.workDir = workDir;
        this.environment = environment;
        this.arguments = arguments;
        this.port = freePort();
        this.log = workDir.resolve("server.log");
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    /** Starts the jar and waits until its readiness probe says UP (migrated, seeded, serving). */
    void start(Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-XX:TieredStopAtLevel=1",
                "-Dfile.encoding=UTF-8",
                "-jar",
                jar.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        Files.writeString(
                log,
                "\n==== start " + Instant.now() + " ====\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        process = builder.start();
        awaitReady(timeout);
    }

    /** {@code kill -9}: the JVM gets no chance to flush, commit or close anything. */
    void kill() throws InterruptedException {
        // destroyForcibly() is SIGKILL on Linux and macOS
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server did not die after SIGKILL");
        }
    }

    /** A normal shutdown (SIGTERM), then SIGKILL if it hangs. */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    private void awaitReady(Duration timeout) throws IOException {
        try {
            Awaitility.await("the server's readiness")
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(
                                    "the server exited with " + process.exitValue() + "; its log:\n" + tail());
                        }
                        return readiness() == 200;
                    });
        } catch (ConditionTimeoutException notReady) {
            throw new IllegalStateException(
                    "the server was not ready after " + timeout + "; its log:\n" + tail(), notReady);
        }
    }

    private int readiness() throws InterruptedException {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(
                                            URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                                    .timeout(Duration.ofSeconds(2))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
