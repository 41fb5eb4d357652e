/** Measuring routers on labelled requests: accuracy, per-specialist precision and recall, confusion matrix. */
package dev.dispatcher.eval;
