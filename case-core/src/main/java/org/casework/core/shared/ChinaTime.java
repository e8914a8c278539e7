package org.casework.core.shared;

import java.time.ZoneId;

/** The service's days are China's days: "today", due dates and displayed times follow Asia/Shanghai. */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {}
}
