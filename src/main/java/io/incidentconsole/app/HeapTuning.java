package io.incidentconsole.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

/**
 * Applies, at run time, the manageable flags of the launchers' JVM options ({@value #OPTIONS_RESOURCE}) that the
 * command line left at their defaults: {@code java -jar} cannot carry JVM options, yet the heap should be given back
 * to the system the same way. A flag the operator set (any origin but the default) is left alone. Off with
 * {@code -D}{@value #PROPERTY}{@code =off} (the memory benchmark's baseline).
 *
 * <p>Runs once on a background thread after the console is shown: loading the management classes costs tens of
 * milliseconds, which the first frame must not wait for. Where the runtime has no {@code jdk.management} (the
 * jlinked package, which passes the options on its command line anyway) there is nothing to do.
 */
public final class HeapTuning {

    public static final String PROPERTY = "incident-console.heap-tuning";
    static final String OPTIONS_RESOURCE = "/jvm/memory.options";

    /** {@code -XX:Name=value}; boolean ({@code -XX:+Name}) and size ({@code -Xmx}) options are never manageable. */
    private static final Pattern FLAG = Pattern.compile("-XX:(\\w+)=(\\S+)");

    /** One flag to set: its name and value as the command line gives them. */
    record Flag(String name, String value) {
    }

    /** Where flags are read and written: the running JVM's diagnostic bean in production. */
    interface Vm {
        /** Empty when the JVM has no such flag; else whether it is manageable and still at its default. */
        Optional<Boolean> settableDefault(String name);

        void set(String name, String value);
    }

    private HeapTuning() {
    }

    /** The {@code -XX:Name=value} lines of an options file (comments and other options skipped). */
    static List<Flag> valueFlags(List<String> lines) {
        List<Flag> flags = new ArrayList<>();
        for (String line : lines) {
            Matcher matcher = FLAG.matcher(line.trim());
            if (matcher.matches()) {
                flags.add(new Flag(matcher.group(1), matcher.group(2)));
            }
        }
        return flags;
    }

    /** Sets each flag that is manageable and still at its default; returns the ones set. */
    static List<Flag> apply(List<Flag> flags, Vm vm, PrintStream err) {
        List<Flag> set = new ArrayList<>();
        for (Flag flag : flags) {
            if (!vm.settableDefault(flag.name()).orElse(false)) {
                continue;
            }
            try {
                vm.set(flag.name(), flag.value());
                set.add(flag);
            } catch (RuntimeException e) {
                // e.g. MinHeapFreeRatio above the operator's MaxHeapFreeRatio: theirs wins, the console runs on.
                err.println("heap tuning: -XX:" + flag.name() + "=" + flag.value() + " not applied: " + e.getMessage());
            }
        }
        return set;
    }

    /** Starts the tuning on a daemon thread unless {@value #PROPERTY} is {@code off}. */
    public static void startInBackground(String property, PrintStream err) {
        if ("off".equalsIgnoreCase(property == null ? "" : property.trim())) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                Optional<Vm> vm = hotSpot();
                if (vm.isPresent()) {
                    apply(valueFlags(readOptions()), vm.get(), err);
                }
            } catch (RuntimeException | LinkageError e) {
                err.println("heap tuning: not applied: " + e);
            }
        }, "heap-tuning");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    static List<String> readOptions() {
        try (InputStream in = HeapTuning.class.getResourceAsStream(OPTIONS_RESOURCE)) {
            if (in == null) {
                return List.of();
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Vm> hotSpot() {
        if (ModuleLayer.boot().findModule("jdk.management").isEmpty()) {
            return Optional.empty();
        }
        HotSpotDiagnosticMXBean bean =
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (bean == null) {
            return Optional.empty();
        }
        return Optional.of(new Vm() {
            @Override
            public Optional<Boolean> settableDefault(String name) {
                try {
                    VMOption option = bean.getVMOption(name);
                    return Optional.of(option.isWriteable()
                            && option.getOrigin() == VMOption.Origin.DEFAULT);
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }

            @Override
            public void set(String name, String value) {
                bean.setVMOption(name, value);
            }
        });
    }
}
