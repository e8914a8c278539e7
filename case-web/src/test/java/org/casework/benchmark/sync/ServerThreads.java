package org.casework.benchmark.sync;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU of Tomcat's request threads ({@code http-nio-…-exec-…}), not of the whole JVM: the device, the
 * proxy and the harness run in the same process and would otherwise be counted as server work.
 */
final class ServerThreads {

    private ServerThreads() {}

    static long cpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null
                    && info.getThreadName().startsWith("http-nio")
                    && info.getThreadName().contains("-exec-")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }
}
