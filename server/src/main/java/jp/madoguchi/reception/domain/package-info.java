/** Reception internals: the task aggregate, the service and the waiting-time estimate. */
@NullMarked
package jp.madoguchi.reception.domain;

import org.jspecify.annotations.NullMarked;
