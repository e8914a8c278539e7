package org.casework.benchmark;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.casework.core.security.Actor;
import org.casework.core.security.ActorDetails;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the worklist and province benchmarks share: a call timed as a user (warm-up, then p50, p95
 * and max of the runs), the machine it ran on, and ids as the database stores them.
 */
final class BenchmarkTiming {

    private BenchmarkTiming() {}

    /** Times {@code call} as {@code actor}; the report line is printed as it goes and returned. */
    static String measure(String name, Actor actor, int warmups, int runs, Supplier<Integer> call) {
        runAs(actor);
        try {
            int size = 0;
            for (int i = 0; i < Math.min(warmups, runs); i++) {
                size = call.get();
            }
            long[] nanos = new long[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                size = call.get();
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            String line = "%-62s p50 %8.2f ms  p95 %8.2f ms  max %8.2f ms  (%d runs, %d rows)%n"
                    .formatted(
                            name,
                            ms(nanos[runs / 2]),
                            ms(nanos[Math.max(0, (int) Math.ceil(runs * 0.95) - 1)]),
                            ms(nanos[runs - 1]),
                            runs,
                            size);
            // printed as it goes too: on a loaded machine a run can be cut short before the report
            System.out.print(line);
            return line;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Cores, CPU, heap, Java and the load averages (the machine may be shared). */
    static String hardware() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .orElse(cpu);
        } catch (IOException e) {
            // not Linux: the core count and heap still describe the machine
        }
        String load = "unknown";
        try {
            load = String.join(
                    " ",
                    List.of(Files.readString(Path.of("/proc/loadavg")).split(" "))
                            .subList(0, 3));
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "%d cores, %s, JVM heap max %d MiB, Java %s, load average %s"
                .formatted(
                        Runtime.getRuntime().availableProcessors(),
                        cpu,
                        Runtime.getRuntime().maxMemory() / (1024 * 1024),
                        System.getProperty("java.version"),
                        load);
    }

    static UUID uuid(byte[] raw) {
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static void runAs(Actor actor) {
        ActorDetails details = new ActorDetails(actor, "", true, false);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }
}
