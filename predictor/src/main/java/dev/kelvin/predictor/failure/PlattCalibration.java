package dev.kelvin.predictor.failure;

import java.util.Locale;
import java.util.Map;

/**
 * Platt scaling: a model's raw probability {@code r} becomes {@code 1 / (1 + exp(-(slope *
 * logit(r) + intercept)))}, fitted by weighted logistic regression on the validation part with
 * Platt's smoothed targets ({@code (P + 1) / (P + 2)} for positives, {@code 1 / (N + 2)} for
 * negatives, P and N their weights), which keeps a separable validation set from driving the
 * slope to infinity. Raw values are clamped to {@code [1e-6, 1 - 1e-6]} first.
 *
 * <p>Reference: J. Platt, "Probabilistic Outputs for Support Vector Machines and Comparisons to
 * Regularized Likelihood Methods", Advances in Large Margin Classifiers, 1999.
 *
 * @param slope multiplies the raw logit
 * @param intercept is added to it
 */
public record PlattCalibration(double slope, double intercept) {
  static final String KEY = "calibration";
  static final String SLOPE = "calibration.slope";
  static final String INTERCEPT = "calibration.intercept";
  private static final double CLAMP = 1e-6;

  public PlattCalibration {
    if (!Double.isFinite(slope) || !Double.isFinite(intercept)) {
      throw new IllegalArgumentException("calibration slope and intercept must be finite, were "
          + slope + " and " + intercept);
    }
  }

  /** The calibrated probability of a raw one. */
  public double apply(double raw) {
    return sigmoid(slope * logit(raw) + intercept);
  }

  /** The settings a model file keeps it in. */
  Map<String, String> settings() {
    return Map.of(KEY, "platt", SLOPE, format(slope), INTERCEPT, format(intercept));
  }

  /** The calibration kept in a model file's settings. */
  static PlattCalibration fromSettings(Map<String, String> settings) {
    if (!"platt".equals(settings.get(KEY))) {
      throw new IllegalArgumentException("calibration '" + settings.get(KEY)
          + "' is not known here (expected platt)");
    }
    return new PlattCalibration(Double.parseDouble(settings.get(SLOPE)),
        Double.parseDouble(settings.get(INTERCEPT)));
  }

  /** Fits the calibration of {@code raw} scores to {@code labels} with {@code weights}. */
  static PlattCalibration fit(double[] raw, boolean[] labels, double[] weights) {
    double positives = 0;
    double negatives = 0;
    for (int i = 0; i < raw.length; i++) {
      if (labels[i]) {
        positives += weights[i];
      } else {
        negatives += weights[i];
      }
    }
    double high = (positives + 1) / (positives + 2);
    double low = 1 / (negatives + 2);
    double[] z = new double[raw.length];
    double[] target = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      z[i] = logit(raw[i]);
      target[i] = labels[i] ? high : low;
    }
    return newton(z, target, weights);
  }

  /** Minimises the weighted cross-entropy in (slope, intercept) by damped Newton steps. */
  private static PlattCalibration newton(double[] z, double[] target, double[] weights) {
    double a = 1;
    double b = 0;
    double loss = loss(z, target, weights, a, b);
    for (int iteration = 0; iteration < 100; iteration++) {
      double ga = 0;
      double gb = 0;
      double haa = 1e-12;
      double hab = 0;
      double hbb = 1e-12;
      for (int i = 0; i < z.length; i++) {
        double p = sigmoid(a * z[i] + b);
        double r = weights[i] * (p - target[i]);
        double s = weights[i] * p * (1 - p);
        ga += r * z[i];
        gb += r;
        haa += s * z[i] * z[i];
        hab += s * z[i];
        hbb += s;
      }
      double det = haa * hbb - hab * hab;
      double da = -(hbb * ga - hab * gb) / det;
      double db = -(haa * gb - hab * ga) / det;
      double step = 1;
      double next = loss(z, target, weights, a + da, b + db);
      while (next > loss && step > 1e-8) {
        step /= 2;
        next = loss(z, target, weights, a + step * da, b + step * db);
      }
      if (next > loss) {
        break;
      }
      a += step * da;
      b += step * db;
      boolean converged = loss - next < 1e-12 * Math.max(1, loss);
      loss = next;
      if (converged) {
        break;
      }
    }
    return new PlattCalibration(a, b);
  }

  private static double loss(double[] z, double[] target, double[] weights, double a, double b) {
    double sum = 0;
    for (int i = 0; i < z.length; i++) {
      double t = a * z[i] + b;
      // log(1 + exp(t)) - target * t, computed without overflow
      double softplus = t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
      sum += weights[i] * (softplus - target[i] * t);
    }
    return sum;
  }

  static double logit(double raw) {
    double p = Math.min(1 - CLAMP, Math.max(CLAMP, raw));
    return Math.log(p / (1 - p));
  }

  private static double sigmoid(double t) {
    return 1 / (1 + Math.exp(-t));
  }

  private static String format(double value) {
    return Double.toString(value);
  }
}
