package io.incidentconsole.incident;

/** What happened to a command: generated from a runbook, copied to the clipboard, or run by the console. */
public enum CommandAction { GENERATED, COPIED, RUN }
