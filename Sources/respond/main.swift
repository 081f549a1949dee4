print("respond")
