print("respond-bench")
