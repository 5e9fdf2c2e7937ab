package org.learnability.cluster.spark;

import java.io.Serializable;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Function2;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

/**
 * Runs one Spark task per item, in the items' order, and hands each task's result to the driver as
 * soon as that task has succeeded (Spark's {@code SparkContext.runJob} with a result handler): a
 * task attempt that fails and is retried hands over nothing, so nothing arrives twice.
 */
public final class SparkJobs {

    /** The work of one task, shipped to the executors. */
    @FunctionalInterface
    public interface Work<T, R> extends Serializable {
        /**
         * Does a task's work.
         *
         * @param item the task's item
         * @param context Spark's context of the task
         * @return the task's result
         */
        R apply(T item, TaskContext context);
    }

    private SparkJobs() {}

    /**
     * Runs the items.
     *
     * @param spark the Spark context
     * @param items one per task, each serializable
     * @param work what a task does with its item
     * @param resultType the results' class
     * @param onResult called on the driver with each task's index and result, as it succeeds
     * @param <T> the items' type
     * @param <R> the results' type
     */
    @SuppressWarnings("unchecked")
    public static <T, R> void runEach(
            JavaSparkContext spark,
            List<T> items,
            Work<T, R> work,
            Class<R> resultType,
            BiConsumer<Integer, R> onResult) {
        JavaRDD<T> rdd = spark.parallelize(items, items.size());
        Function2<TaskContext, scala.collection.Iterator<T>, R> task =
                (Function2<TaskContext, scala.collection.Iterator<T>, R> & Serializable)
                        (context, iterator) -> work.apply(iterator.next(), context);
        Function2<Object, R, BoxedUnit> handler =
                (index, result) -> {
                    onResult.accept((Integer) index, result);
                    return BoxedUnit.UNIT;
                };
        List<Object> partitions =
                IntStream.range(0, items.size()).boxed().map(i -> (Object) i).toList();
        ClassTag<R> tag = ClassTag$.MODULE$.apply(resultType);
        spark.sc()
                .runJob(
                        rdd.rdd(),
                        task,
                        CollectionConverters.asScala(partitions).toSeq(),
                        handler,
                        tag);
    }
}
