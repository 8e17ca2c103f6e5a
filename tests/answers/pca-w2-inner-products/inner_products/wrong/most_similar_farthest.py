"""most_similar_image takes argmax of the distances: the least similar image."""
# fails: test_most_similar_image_visible, test_most_similar_image_hidden
# %% most_similar_image
def most_similar_image():
    distances = [distance(digits[0], digits[i]) for i in range(1, len(digits))]
    return int(np.argmax(distances)) + 1
