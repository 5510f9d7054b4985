package dev.oms.analytics.domain;

/** Integer arithmetic on amounts in minor units, so no rounding ever goes through floating point. */
public final class MinorUnits {

    private MinorUnits() {
    }

    /**
     * {@code dividend ÷ divisor} rounded to the nearest integer, halves away from zero (like
     * {@code RoundingMode.HALF_UP}): 3 ÷ 2 = 2, 301 ÷ 3 = 100, −3 ÷ 2 = −2.
     */
    public static long divideHalfUp(long dividend, long divisor) {
        if (divisor == 0) {
            throw new ArithmeticException("division by zero");
        }
        long quotient = dividend / divisor;
        long remainder = Math.abs(dividend % divisor);
        // remainder < |divisor|, so comparing remainder with |divisor| - remainder cannot overflow.
        if (remainder >= Math.abs(divisor) - remainder) {
            quotient += (dividend < 0) == (divisor < 0) ? 1 : -1;
        }
        return quotient;
    }
}
