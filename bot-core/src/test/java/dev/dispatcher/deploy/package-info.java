/**
 * Specifications of the deployment files in {@code deploy/} (Dockerfile, Compose, Kubernetes, {@code .env.example}),
 * checked by parsing them, since the build machine need not run Docker or a cluster.
 */
package dev.dispatcher.deploy;
