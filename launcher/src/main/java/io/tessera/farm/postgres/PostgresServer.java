package io.tessera.farm.postgres;

/** A running PostgreSQL server whose superuser {@code postgres} may connect over TCP without a password. */
interface PostgresServer {

    /** The postmaster's process id. */
    long pid();

    /** A human-readable note on where the binaries came from. */
    String origin();

    /** Shuts the server down (fast mode) and waits for it to exit. */
    void stop();
}
