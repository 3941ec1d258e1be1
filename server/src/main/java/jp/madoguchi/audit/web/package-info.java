/**
 * Audit internals: the auditors' API and screens, and who-acted-from-where for recording.
 */
@NullMarked
package jp.madoguchi.audit.web;

import org.jspecify.annotations.NullMarked;
