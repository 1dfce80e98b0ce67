package io.incidentconsole.settings;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;

/** This machine's name, as other consoles are shown it (a lock's holder, a team console's host). */
public final class MachineName {

    private MachineName() {
    }

    /** The host name; may look it up in DNS, so call it off the FX thread. Never throws. */
    public static String current() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String name = ManagementFactory.getRuntimeMXBean().getName();
            return name.contains("@") ? name.substring(name.indexOf('@') + 1) : "this machine";
        }
    }
}
