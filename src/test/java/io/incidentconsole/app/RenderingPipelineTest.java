package io.incidentconsole.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class RenderingPipelineTest {

    @TempDir
    Path dev;

    private Properties linux() {
        Properties properties = new Properties();
        properties.setProperty("os.name", "Linux");
        return properties;
    }

    @Test
    void withoutAGraphicsDeviceTheSoftwarePipelineIsChosen() throws IOException {
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("null"));
        Properties properties = linux();

        RenderingPipeline.chooseBeforeToolkitStarts(properties, dev);

        assertThat(properties.getProperty("prism.order")).isEqualTo("sw");
        assertThat(properties.getProperty("javafx.animation.pulse")).as("the pulse rate").isEqualTo("240");
    }

    @Test
    void theSoftwarePipelineAnOperatorChoseGetsTheFasterPulseButAnOperatorsRateIsKept() {
        Properties chosen = linux();
        chosen.setProperty("prism.order", "sw");
        Properties withRate = linux();
        withRate.setProperty("prism.order", "sw");
        withRate.setProperty("javafx.animation.pulse", "60");

        RenderingPipeline.chooseBeforeToolkitStarts(chosen, dev);
        RenderingPipeline.chooseBeforeToolkitStarts(withRate, dev);

        assertThat(chosen.getProperty("javafx.animation.pulse")).isEqualTo("240");
        assertThat(withRate.getProperty("javafx.animation.pulse")).isEqualTo("60");
    }

    @Test
    void aDriCardOrRenderNodeOrAnNvidiaDeviceKeepsJavaFxsOrder() throws IOException {
        for (String device : new String[] {"dri/card0", "dri/renderD128", "nvidia0", "nvidiactl"}) {
            Path root = Files.createDirectories(dev.resolve(device.replace('/', '-')));
            Path file = root.resolve(device);
            Files.createDirectories(file.getParent());
            Files.createFile(file);
            Properties properties = linux();

            RenderingPipeline.chooseBeforeToolkitStarts(properties, root);

            assertThat(properties.getProperty("prism.order")).as(device).isNull();
            assertThat(properties.getProperty("javafx.animation.pulse")).as(device).isNull();
        }
    }

    @Test
    void anOperatorsOrderIsKept() {
        Properties properties = linux();
        properties.setProperty("prism.order", "es2");

        RenderingPipeline.chooseBeforeToolkitStarts(properties, dev);

        assertThat(properties.getProperty("prism.order")).isEqualTo("es2");
        assertThat(properties.getProperty("javafx.animation.pulse")).isNull();
    }

    @Test
    void otherSystemsAreLeftAlone() {
        Properties properties = new Properties();
        properties.setProperty("os.name", "Mac OS X");

        RenderingPipeline.chooseBeforeToolkitStarts(properties, dev);

        assertThat(properties.getProperty("prism.order")).isNull();
    }
}
