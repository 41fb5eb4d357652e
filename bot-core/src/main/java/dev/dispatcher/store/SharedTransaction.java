package dev.dispatcher.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One connection lent to every store call a thread makes inside {@link Database#together}: the calls' own commits,
 * auto-commit switches and closes are held back, so their writes commit once, at the end, or not at all when any of
 * them rolled back or the work threw. Not thread-safe: it belongs to the thread that opened it.
 */
final class SharedTransaction implements InvocationHandler {

    private final Connection real;
    private final Connection lent;
    private boolean rollbackOnly;

    SharedTransaction(Connection real) throws SQLException {
        this.real = real;
        real.setAutoCommit(false);
        this.lent = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, this);
    }

    /** The connection the store calls get: the shared one, whose transaction they cannot end. */
    Connection lent() {
        return lent;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "close", "commit", "setAutoCommit":
                return null;
            case "rollback":
                if (args == null || args.length == 0) {
                    rollbackOnly = true;
                    return null;
                }
                break;
            case "getAutoCommit":
                return false;
            case "isClosed":
                return real.isClosed();
            default:
                break;
        }
        try {
            return method.invoke(real, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Commits what the calls wrote, unless one of them rolled back; then returns the connection to the pool. */
    void end(boolean failed) throws SQLException {
        try {
            if (failed || rollbackOnly) {
                real.rollback();
            } else {
                real.commit();
            }
        } finally {
            try {
                real.setAutoCommit(true);
            } finally {
                real.close();
            }
        }
    }
}
