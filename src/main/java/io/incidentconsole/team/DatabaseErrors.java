package io.incidentconsole.team;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/**
 * Sorts database failures into "the connection is gone" (the journal goes offline and queues) and everything
 * else, and words them for an operator. Messages name the database by its label and never contain a password
 * (they are built here, not copied from the driver, except a server's own reason for a refused statement).
 */
final class DatabaseErrors {

    /**
     * States that mean the connection could not be made or was lost (08001, 08006, ...) or "not now, try again"
     * (shutting down, starting up, too many connections). Not 08004: the server rejected the connection (e.g. a
     * password is needed), which waiting will not fix.
     */
    private static final Set<String> CONNECTION_STATES = Set.of("08000", "08001", "08003", "08006", "08007",
            "57P01", "57P02", "57P03", "53300");

    private DatabaseErrors() {
    }

    static boolean isConnectionProblem(SQLException e) {
        String state = e.getSQLState();
        if (state != null && CONNECTION_STATES.contains(state)) {
            return true;
        }
        if (state != null && state.startsWith("08")) {
            return false;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** True when the database did not answer in time (as on a silent network), rather than refusing or failing. */
    static boolean timedOut(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Why a connection could not be made or was lost, in a few words ("connection refused"). */
    static String reason(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host";
            }
            if (cause instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (cause instanceof SocketTimeoutException) {
                return "timed out";
            }
        }
        String state = e.getSQLState();
        if ("57P01".equals(state) || "57P02".equals(state)) {
            return "the server is shutting down";
        }
        if ("57P03".equals(state)) {
            return "the server is starting up";
        }
        if ("53300".equals(state)) {
            return "too many connections";
        }
        return "connection lost";
    }

    /** The operator's message for a failure to connect, given whether a password was found for the user. */
    static TeamDatabaseException connectFailure(SQLException e, String label, String user, boolean passwordFound,
                                                String passwordFile) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message;
        if (state.equals("28P01") || state.equals("28000") || isMissingPassword(e)) {
            message = "the database " + label + " refused user '" + user + "': "
                    + (passwordFound ? "password authentication failed — check PGPASSWORD or " + passwordFile
                    : "it needs a password and none was found — set PGPASSWORD or add a line "
                    + "host:port:database:user:password to " + passwordFile + " (chmod 0600)");
        } else if (state.equals("3D000")) {
            message = "the database " + label + " does not exist — create it (createdb) or check the address";
        } else if (isConnectionProblem(e)) {
            message = "cannot reach " + label + ": " + reason(e) + " — is the database up?";
        } else {
            message = "cannot use the database " + label + ": " + serverReason(e);
        }
        return new TeamDatabaseException(message, sanitized(e));
    }

    private static boolean isMissingPassword(SQLException e) {
        String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return text.contains("no password was provided") || text.contains("password is an empty string");
    }

    /** The server's own words for a refused statement (SQL state and message), for messages past connecting. */
    static String serverReason(SQLException e) {
        return String.valueOf(e.getMessage()) + (e.getSQLState() == null ? "" : " (SQL state " + e.getSQLState() + ")");
    }

    /**
     * The cause kept on our exceptions: its class and SQL state survive for the log, but the driver's message is
     * replaced, so nothing the driver put into it (a connection string, a user's input) travels further.
     */
    static SQLException sanitized(SQLException e) {
        SQLException copy = new SQLException(e.getClass().getSimpleName() + " (" + reason(e) + ")", e.getSQLState());
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }
}
