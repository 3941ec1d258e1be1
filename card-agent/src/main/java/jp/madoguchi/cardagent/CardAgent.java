package jp.madoguchi.cardagent; public class CardAgent { public static void main(String[] a) {} }
