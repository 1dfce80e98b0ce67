package io.incidentconsole.settings;

/** The product's name, as the operator reads it in titles, messages, generated scripts and files. */
public final class Product {

    public static final String NAME = "Incident Console";

    private Product() {
    }
}
